/**
 * The user's address book: contacts with their normalised numbers, and the repository port the
 * store implements. Contacts never leave the user's own store.
 */
package org.dunshield.core.contact;
