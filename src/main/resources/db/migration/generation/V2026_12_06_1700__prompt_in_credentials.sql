-- The owner's choice, per video, to let its Content Credentials carry the prompt (off by default:
-- a manifest otherwise holds nothing the person wrote).
alter table generations add column prompt_in_credentials boolean not null default false;
