package org.dunshield.core.carrier;

import java.util.Objects;

/**
 * A call as the callee side passes it to the caller side: whether the callee knew the caller (the
 * caller is among the callee's recent contacts) and, when not, the callee's contacts — the material
 * of address-book detection. Immutable by convention (the array is not copied).
 */
public record EnrichedCall(Cdr call, boolean known, long[] calleeContacts) {
  static final long[] NONE = new long[0];

  public EnrichedCall {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(calleeContacts, "calleeContacts");
  }
}
