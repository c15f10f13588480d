package io.integrator.benchmarks.rest;

/**
 * Leg (b'): {@link CamelLeg}'s route with stream caching turned off
 * ({@code CamelContext.setStreamCaching(false)}), the one setting a Camel user would change after
 * seeing the default route thrash its heap.
 */
public final class CamelTunedLeg {

    private CamelTunedLeg() {
    }

    /**
     * @param args see {@link LegConfig}
     * @throws Exception when the run cannot finish
     */
    public static void main(String[] args) throws Exception {
        CamelLeg.run(LegConfig.parse(args), false);
    }
}
