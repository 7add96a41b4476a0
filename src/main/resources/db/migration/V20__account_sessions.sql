-- Hardening (issue 16): what the account filter checks on every request of a signed-in user.
--   session_version      raised whenever the account's sessions must end (disabled, password set); a session
--                        remembers the value it was opened with, and one opened under an older value ends.
--   must_change_password a password set by someone else (a manager's reset, a new account) is a one-time password:
--                        its holder can do nothing but choose their own until they have.
ALTER TABLE app_user
    ADD COLUMN session_version      integer NOT NULL DEFAULT 0,
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
