package org.anjian;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content security policy allows scripts from the application's own files only ({@code script-src 'self'}):
 * templates hold no inline script, no event-handler attribute, no {@code javascript:} URL and no {@code hx-on};
 * server data travels in data-* attributes or JSON blocks. The page code in static/js puts data into the page
 * as text, never through an HTML sink.
 */
class NoInlineScriptTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path SCRIPTS = Path.of("src/main/resources/static/js");
    static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    static final Pattern EVENT_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    static final Pattern HX_ON = Pattern.compile("\\s(data-)?hx-on", Pattern.CASE_INSENSITIVE);
    static final Pattern HTML_SINK = Pattern.compile("\\.(innerHTML|outerHTML)\\s*[+]?=|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(");

    static List<Path> files(Path root, String ending) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> f.toString().endsWith(ending)).sorted().toList();
        }
    }

    /** A script element either loads a file (src) or carries data ({@code type="application/json"}), which is never executed. */
    static List<String> inlineScripts(String name, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = SCRIPT_TAG.matcher(html);
        while (m.find()) {
            String attributes = m.group(1);
            boolean loadsAFile = attributes.matches("(?s).*\\s(th:)?src\\s*=.*");
            boolean isData = attributes.matches("(?s).*\\stype\\s*=\\s*\"application/json\".*");
            if (!loadsAFile && !isData) {
                found.add(name + ": <script" + attributes + ">");
            }
            if (loadsAFile && !html.startsWith("</script>", html.indexOf('>', m.start()) + 1)) {
                found.add(name + ": a script with src and a body");
            }
        }
        return found;
    }

    static final Pattern TAG = Pattern.compile("<[a-zA-Z][^<>]*>");
    /** A Leaflet content setter given a string literal or a data field ({@code t.name}): Leaflet reads it as HTML. */
    static final Pattern LEAFLET_STRING_CONTENT =
            Pattern.compile("(setContent|bindTooltip|bindPopup|setTooltipContent|setPopupContent)\\(\\s*(['\"`]|[a-zA-Z]+\\.[a-zA-Z]+\\s*[+)])");

    /** Event-handler and hx-on attributes and javascript: URLs, looked for in the tags only (escaped text is no tag). */
    static List<String> inlineHandlers(String name, String html) {
        List<String> found = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String t = tag.group();
            String names = t.replaceAll("\"[^\"]*\"|'[^']*'", "\"\"");
            if (EVENT_HANDLER.matcher(names).find() || HX_ON.matcher(names).find() || t.toLowerCase().matches("(?s).*=\\s*[\"']?\\s*javascript:.*")) {
                found.add(name + ": " + t.replaceAll("\\s+", " "));
            }
        }
        return found;
    }

    @Test
    void templatesHoldNoInlineScript() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path t : files(TEMPLATES, ".html")) {
            found.addAll(inlineScripts(TEMPLATES.relativize(t).toString(), Files.readString(t)));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void templatesHoldNoEventHandlerAttributesNorJavascriptUrls() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path t : files(TEMPLATES, ".html")) {
            found.addAll(inlineHandlers(TEMPLATES.relativize(t).toString(), Files.readString(t)));
        }
        assertThat(found).isEmpty();
    }

    /** Data from the server reaches the DOM as text: textContent, text nodes, {@code AnJian.text}/{@code AnJian.link}. */
    @Test
    void pageCodeWritesNoHtmlFromStrings() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path js : files(SCRIPTS, ".js")) {
            List<String> lines = Files.readAllLines(js);
            for (int i = 0; i < lines.size(); i++) {
                if (HTML_SINK.matcher(lines.get(i)).find()) {
                    found.add(SCRIPTS.relativize(js) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** Leaflet takes a string as HTML: tooltips and popups get a node (AnJian.text, AnJian.link, an element). */
    @Test
    void leafletTooltipsAndPopupsGetNodesNotStrings() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path js : files(SCRIPTS, ".js")) {
            Matcher m = LEAFLET_STRING_CONTENT.matcher(Files.readString(js));
            while (m.find()) {
                found.add(SCRIPTS.relativize(js) + ": " + m.group());
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsWhatItLooksFor() {
        assertThat(inlineScripts("t", "<script>alert(1)</script><script th:inline=\"javascript\">x</script>")).hasSize(2);
        assertThat(inlineScripts("t", "<script th:src=\"@{/js/a.js}\" defer></script><script type=\"application/json\" id=\"d\">{}</script>")).isEmpty();
        assertThat(inlineHandlers("t", "<select onchange=\"this.form.submit()\"><a href=\"javascript:void(0)\"><div hx-on:click=\"x()\">")).hasSize(3);
        assertThat(inlineHandlers("t", "<select data-autosubmit class=\"online\" hx-trigger=\"change\">")).isEmpty();
        assertThat(inlineHandlers("t", "<td title=\"a onclick=b\">&lt;img src=x onerror=alert(1)&gt;</td>")).isEmpty();
        assertThat(HTML_SINK.matcher("el.innerHTML = name;").find()).isTrue();
        assertThat(LEAFLET_STRING_CONTENT.matcher("L.tooltip().setLatLng([t.lat, t.lon]).setContent(t.name).addTo(map);").find()).isTrue();
        assertThat(LEAFLET_STRING_CONTENT.matcher("m.bindTooltip(t.name + ' · ' + lines)").find()).isTrue();
        assertThat(LEAFLET_STRING_CONTENT.matcher("m.bindPopup(AnJian.link(href, e.name))").find()).isFalse();
    }
}
