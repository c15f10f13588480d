package io.integrator.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** Picks the fault, if any, for each request: armed counts first, then random rules. */
final class FaultInjector {

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private record Rule(double probability, Fault fault) {
    }

    private final List<Armed> armed = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private Random random;

    FaultInjector(long seed) {
        this.random = new Random(seed);
    }

    synchronized void next(int count, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("Fault count must be at least 1, got " + count);
        }
        armed.add(new Armed(fault, count));
    }

    synchronized void randomly(double probability, Fault fault) {
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("Fault probability must be in (0, 1], got " + probability);
        }
        double sum = probability;
        for (Rule rule : rules) {
            sum += rule.probability;
        }
        if (sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("Fault probabilities add up to " + sum + ", more than 1");
        }
        rules.add(new Rule(probability, fault));
    }

    synchronized void clear(long seed) {
        armed.clear();
        rules.clear();
        random = new Random(seed);
    }

    synchronized Fault pick(String method, String path) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed a = it.next();
            if (a.fault.matches(method, path)) {
                if (--a.remaining == 0) {
                    it.remove();
                }
                return a.fault;
            }
        }
        if (rules.isEmpty()) {
            return null;
        }
        double draw = random.nextDouble();
        double upTo = 0;
        for (Rule rule : rules) {
            upTo += rule.probability;
            if (draw < upTo) {
                return rule.fault.matches(method, path) ? rule.fault : null;
            }
        }
        return null;
    }
}
