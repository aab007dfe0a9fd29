/**
 * What happened on the phone: incoming and outgoing calls and SMS as immutable events, the channel,
 * direction and caller presentation vocabularies. Events come from live screening and from imports.
 */
package org.dunshield.core.event;
