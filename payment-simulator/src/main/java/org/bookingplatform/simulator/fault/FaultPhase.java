package org.bookingplatform.simulator.fault;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an injected fault strikes before the operation runs (nothing charged) or after it (charged, answer lost). */
public enum FaultPhase {
    @JsonProperty("before") BEFORE,
    @JsonProperty("after") AFTER,
    @JsonProperty("random") RANDOM
}
