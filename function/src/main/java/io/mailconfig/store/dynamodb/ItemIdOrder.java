package io.mailconfig.store.dynamodb;

import java.util.Comparator;

/**
 * The order of servers of equal priority: the ids of their items ({@code SERVER#<id>},
 * {@code DAV#<id>}) compared as people read them, runs of digits by their value, so
 * {@code smtp-9} comes before {@code smtp-30} and {@code imap-2} before {@code imap-10}; where two
 * ids are equal that way ({@code a-01}, {@code a-1}), by their characters. The table returns
 * items in the order of their bytes, which would put {@code smtp-30} first.
 */
public final class ItemIdOrder implements Comparator<String> {

    public static final ItemIdOrder INSTANCE = new ItemIdOrder();

    private ItemIdOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byValue = compareNumbers(a.substring(i, endA), b.substring(j, endB));
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Two runs of digits by value, of any length (leading zeros ignored). */
    private static int compareNumbers(String a, String b) {
        String x = stripZeros(a);
        String y = stripZeros(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    private static String stripZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }
}
