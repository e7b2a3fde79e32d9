-- Reference images of a generation (uploads of the user's, in order); no foreign key into media's table.
alter table generations add column reference_images uuid[] not null default '{}';
