package io.integrator.validation;

/**
 * Flow schedules (REFERENCE §7): six cron fields, seconds first. {@code ?} in the seconds slot
 * means second 0. The seconds slot must be {@code ?} or one second (0-59), which keeps every
 * schedule at most once per minute.
 */
final class CronCheck {
  private static final String EXAMPLE = "e.g. \"? 0 2 ? * *\" for 02:00 every day";

  private CronCheck() {}

  /** The problem with the schedule, or null when it is well formed. */
  static String problem(String schedule) {
    String[] f = schedule.trim().split("\\s+");
    if (f.length != 6 || schedule.isBlank()) {
      return "must have six cron fields (seconds minutes hours day-of-month month day-of-week), "
          + EXAMPLE;
    }
    for (int i = 0; i < f.length; i++) {
      if (!f[i].matches("[0-9A-Za-z*?/,\\-LW#]+")) {
        return "field " + (i + 1) + " (" + f[i] + ") is not a cron field, " + EXAMPLE;
      }
    }
    if (!f[0].equals("?") && !f[0].matches("[0-5]?\\d")) {
      return "runs more often than once per minute; the seconds field must be ? or one second"
          + " (0-59), " + EXAMPLE;
    }
    return null;
  }
}
