package io.integrator.testkit;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Serves sample data for manual trials until the process is stopped:
 * {@code java -cp integrator-testkit.jar:<deps> io.integrator.testkit.RestApiServerMain --port 8080}.
 *
 * <p>Options: {@code --port N} (default 8080; 0 picks a free port), {@code --orders N} (default 1000),
 * {@code --customers N} (default 100), {@code --paging page|skip|cursor|url|relative|link|none}
 * (default page), {@code --page-size N} (default 20). Collections: {@code orders}, {@code customers}
 * and an empty {@code invoices} that takes imports.
 */
public final class RestApiServerMain {

    private RestApiServerMain() {
    }

    /**
     * @param args the options above
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        RestApiServer server;
        try {
            server = start(System.out, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
    }

    static RestApiServer start(PrintStream out, String... args) {
        int port = 8080;
        int orders = 1000;
        int customers = 100;
        int pageSize = 20;
        String style = "page";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value. " + usage());
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> port = number(option, value);
                case "--orders" -> orders = number(option, value);
                case "--customers" -> customers = number(option, value);
                case "--page-size" -> pageSize = number(option, value);
                case "--paging" -> style = value.toLowerCase(Locale.ROOT);
                default -> throw new IllegalArgumentException("Unknown option " + option + ". " + usage());
            }
        }
        Paging paging = paging(style).withPageSize(Math.max(1, pageSize));
        RestApiServer server = RestApiServer.builder()
                .port(port)
                .collection("orders", SampleData.orders(orders))
                .paging("orders", paging)
                .collection("customers", SampleData.customers(customers))
                .paging("customers", paging)
                .unique("customers", "email")
                .collection("invoices")
                .start();
        out.println("Serving " + server.baseUri() + " (" + paging + "): GET /orders (" + orders + "), GET /customers ("
                + customers + "), POST /invoices. Stop with Ctrl-C.");
        return server;
    }

    private static Paging paging(String style) {
        return switch (style) {
            case "page" -> Paging.pageNumber();
            case "skip" -> Paging.skipLimit();
            case "cursor" -> Paging.cursor();
            case "url" -> Paging.nextUrl();
            case "relative" -> Paging.nextRelativeUri();
            case "link" -> Paging.linkHeader();
            case "none" -> Paging.none();
            default -> throw new IllegalArgumentException("Unknown --paging '" + style + "'. " + usage());
        };
    }

    private static int number(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + option + " takes a whole number >= 0, got '" + value + "'");
        }
    }

    private static String usage() {
        return "Usage: RestApiServerMain [--port N] [--orders N] [--customers N]"
                + " [--paging page|skip|cursor|url|relative|link|none] [--page-size N]";
    }
}
