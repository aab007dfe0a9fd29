package org.dunshield.server.account;

/**
 * Who is making a request: the owner id whose data it may touch, the user name ({@code null} for
 * the single local user), how it proved it, and the CSRF token its forms must carry.
 */
public record Principal(long owner, String username, Via via, String csrf, String sessionHash) {
  /** How a request was authenticated. */
  public enum Via {
    /** single-user mode on loopback: no sign-in */
    LOCAL,
    /** a session cookie from signing in */
    SESSION,
    /** a personal API token ({@code Authorization: Bearer dsk_...}) */
    TOKEN
  }
}
