/**
 * The web application's pages: server-rendered HTML (Thymeleaf templates, which escape every
 * value unless told otherwise, and no template here is told otherwise), in Simplified Chinese and
 * English, plain forms with CSRF tokens, no JavaScript build step. Handlers reach data only through
 * the request principal's {@link org.dunshield.server.Workspace}.
 */
package org.dunshield.server.web;
