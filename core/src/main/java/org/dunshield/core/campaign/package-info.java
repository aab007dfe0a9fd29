/**
 * Campaigns: numbers of untrusted callers and senders linked by a shared number block, a message
 * template or a timing pattern, grouped as one collector so they can be blocked and reported
 * together.
 */
package org.dunshield.core.campaign;
