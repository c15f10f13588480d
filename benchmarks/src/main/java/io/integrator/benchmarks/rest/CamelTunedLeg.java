package io.integrator.benchmarks.rest;

/**
 * Leg (b'): {@link CamelLeg}'s route with the two settings a Camel user would change after seeing
 * the default route run: stream caching off ({@code CamelContext.setStreamCaching(false)}; the
 * default thrashes a 128 MB heap) and camel-http's automatic HttpClient retries off
 * ({@code HttpComponent.setAutomaticRetriesDisabled(true)}; they sleep on the calling thread).
 */
public final class CamelTunedLeg {

    private CamelTunedLeg() {
    }

    /**
     * @param args see {@link LegConfig}
     * @throws Exception when the run cannot finish
     */
    public static void main(String[] args) throws Exception {
        CamelLeg.run(LegConfig.parse(args), true);
    }
}
