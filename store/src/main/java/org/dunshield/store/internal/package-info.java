/**
 * Not API: classes that must be public only because a library instantiates them by name (Flyway's
 * log adapter). Nothing outside the store should use them.
 */
package org.dunshield.store.internal;
