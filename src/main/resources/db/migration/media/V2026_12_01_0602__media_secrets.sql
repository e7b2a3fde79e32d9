-- Media makes and checks the signed links now, so the secret that signs them is media's.
-- Renamed, not copied or made anew: the stored secret stays, and links signed before still verify.
alter table library_secrets rename to media_secrets;
alter index library_secrets_pkey rename to media_secrets_pkey;
