/**
 * Accounts and request security for the web application: Argon2id password hashes ({@link
 * org.dunshield.server.account.Passwords}), random secrets and their digests, sign-in throttling,
 * and {@link org.dunshield.server.account.Guard}, which decides for every request whose data it may
 * touch (a session cookie, a personal API token, or the single local user) and enforces CSRF tokens.
 */
package org.dunshield.server.account;
