/**
 * Implementation helpers that are not API: primitive hash tables sized for tens of millions of
 * phone numbers. May change without notice.
 */
package org.dunshield.core.internal;
