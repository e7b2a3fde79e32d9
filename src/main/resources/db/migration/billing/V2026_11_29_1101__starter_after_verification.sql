-- Whether the account has received its full starter credits (given once its email is verified;
-- before that it only has the smaller unverified allowance).
alter table credit_accounts add column starter_granted boolean not null default false;
update credit_accounts set starter_granted = true;
