package org.anjian.shared.web;

/** CSV cells for files people open in a spreadsheet. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * Always quoted (RFC 4180); a value that starts like a formula ({@code = + - @}, tab, carriage return) gets a leading
     * apostrophe so that a spreadsheet shows it instead of running it.
     */
    public static String quoted(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
