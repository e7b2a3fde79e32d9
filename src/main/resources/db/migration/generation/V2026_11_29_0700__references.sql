-- Uploads a generation refers to (media_uploads ids; no foreign key across modules).
alter table generations
  add column first_frame_upload uuid,
  add column last_frame_upload  uuid,
  add column audio_upload       uuid,
  add column video_upload       uuid;
