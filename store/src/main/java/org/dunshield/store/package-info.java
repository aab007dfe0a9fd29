/**
 * Persistence for the core's repository ports, on embedded SQLite (the default: one file in the
 * data directory, shared safely by a server and CLI commands through WAL and a busy timeout) or on
 * PostgreSQL, with the same SQL. {@link org.dunshield.store.Database} is the entry point; every
 * table has an {@code owner} column and every query filters by it, so
 * {@link org.dunshield.store.Database#forOwner(long)} isolates accounts. SQL errors surface as
 * {@link org.dunshield.store.StoreException} naming the operation. The implementation classes are
 * package-private.
 *
 * <p><b>Changing the schema.</b> Add one script per dialect, with the next version number, under
 * {@code src/main/resources/org/dunshield/store/migration/sqlite/} and {@code .../postgresql/}, named
 * {@code V<n>__<description>.sql} (e.g. {@code V2__loans.sql}); that is the only step. Flyway
 * applies pending scripts in order when a database is opened, each in its own transaction, records
 * them in {@code schema_version}, refuses to open a database migrated by a newer version, and fails
 * if an applied script was edited: never change a released script, add a new one. New tables need an
 * {@code owner BIGINT NOT NULL} column (INTEGER on SQLite) and indexes that start with it. The
 * {@code StoreContract} tests run every repository on both databases.
 */
package org.dunshield.store;
