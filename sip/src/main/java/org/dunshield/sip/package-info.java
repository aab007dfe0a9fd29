/**
 * Real-time screening on a voice line: a SIP service that sits in front of a PBX, a VoIP line or an
 * IMS core, receives each INVITE, screens the caller with the same engine and the callee's own rules
 * as the CLI ({@link org.dunshield.core.screen.LiveScreening}), records it in the callee's history, and
 * answers it (block: 603, 486 or 480), forwards it with a mark (silence) or lets it through (allow:
 * stateful proxy or 302 redirect to the forward target). The SIP layers are its own: {@link
 * org.dunshield.sip.SipMessage} parses and checks messages, {@link org.dunshield.sip.SipTransport}
 * carries them over UDP and TCP, and {@link org.dunshield.sip.SipStack} keeps the RFC 3261
 * transactions (retransmissions, timers, CANCEL and ACK matching).
 * {@link org.dunshield.sip.SipScreeningService} is the entry point, {@link org.dunshield.sip.SipConfig}
 * its configuration and {@link org.dunshield.sip.SipMetrics} what it counts; the rest is
 * package-private.
 */
package org.dunshield.sip;
