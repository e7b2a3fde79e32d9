-- What the video should avoid, for models that take a negative prompt; personal data like the prompt.
alter table generations add column negative_prompt text;
