package org.bookingplatform.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a full PromQL parser: it removes what cannot
 * name a metric (string literals, label matchers, ranges, grouping label lists, offsets), then
 * keeps every identifier that is neither a function or aggregation (followed by a parenthesis)
 * nor a keyword. Names are kept as queried: a histogram's {@code _bucket}, {@code _count} and
 * {@code _sum} are distinct names, as they are distinct samples in a scrape.
 */
final class QueriedMetrics {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern GROUPINGS = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern OFFSETS = Pattern.compile("\\boffset\\s+-?\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "inf", "nan", "offset", "by",
            "without", "on", "ignoring", "group_left", "group_right", "atan2");

    private QueriedMetrics() {
    }

    static Set<String> in(String expression) {
        String rest = STRINGS.matcher(expression).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        rest = GROUPINGS.matcher(rest).replaceAll(" ");
        rest = OFFSETS.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            String name = m.group();
            if (!KEYWORDS.contains(name.toLowerCase()) && !rest.substring(m.end()).stripLeading().startsWith("(")) {
                names.add(name);
            }
        }
        return names;
    }
}
