/**
 * The HTTP adapter: {@link org.dunshield.server.DunshieldServer} (Javalin on Jetty) serving
 * {@code GET /health}, the screening API {@code POST /api/v1/screen/call} and
 * {@code POST /api/v1/screen/sms} (a Jetty handler in front of Javalin serves the requests their
 * headers authorise and answers once the store commits the event; the rest reach Javalin), and a
 * minimal page; {@link org.dunshield.server.Json} is the one place verdicts and events become JSON,
 * shared with the command line so both speak the same shapes.
 */
package org.dunshield.server;
