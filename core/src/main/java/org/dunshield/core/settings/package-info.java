/**
 * The user's screening settings (mode, hidden-caller switch, exceptions, region, time zone) as one
 * immutable value with typed parsing of the {@code settings set KEY VALUE} keys, and the repository
 * port the store implements.
 */
package org.dunshield.core.settings;
