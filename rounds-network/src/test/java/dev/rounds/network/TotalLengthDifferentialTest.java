package dev.rounds.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.testkit.TestData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The total street length of an import equals a count made straight from the XML file here, with a
 * SAX parser and a plain segment set: every segment of an accepted way whose two nodes are in the
 * file, each distinct node pair once.
 */
class TotalLengthDifferentialTest {

    static Stream<Path> xmlExtracts() {
        return TestData.osmExtracts().stream().filter(p -> p.toString().endsWith(".osm.gz"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xmlExtracts")
    void totalLengthMatchesIndependentCount(Path extract) throws Exception {
        for (Profile profile : List.of(Profiles.FOOT, Profiles.CAR)) {
            double expected = independentTotalMeters(extract, profile);
            StreetNetwork network = StreetMaps.importFile(extract, profile, ProgressListener.NONE, false).network();
            assertThat(network.totalLengthMeters()).as("%s %s", extract.getFileName(), profile.name())
                    .isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
    }

    private static double independentTotalMeters(Path extract, Profile profile) throws Exception {
        Map<Long, double[]> nodes = new HashMap<>();
        List<long[]> acceptedWays = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(extract))) {
            SAXParserFactory.newInstance().newSAXParser().parse(in, new DefaultHandler() {
                final List<Long> refs = new ArrayList<>();
                final Map<String, String> tags = new HashMap<>();
                boolean inWay;

                @Override
                public void startElement(String uri, String local, String name, Attributes a) {
                    switch (name) {
                        case "node" -> nodes.put(Long.parseLong(a.getValue("id")),
                                new double[] {Double.parseDouble(a.getValue("lat")), Double.parseDouble(a.getValue("lon"))});
                        case "way" -> {
                            inWay = true;
                            refs.clear();
                            tags.clear();
                        }
                        case "nd" -> refs.add(Long.parseLong(a.getValue("ref")));
                        case "tag" -> {
                            if (inWay) {
                                tags.put(a.getValue("k"), a.getValue("v"));
                            }
                        }
                        default -> { }
                    }
                }

                @Override
                public void endElement(String uri, String local, String name) {
                    if ("way".equals(name)) {
                        inWay = false;
                        if (profile.accepts(tags)) {
                            acceptedWays.add(refs.stream().mapToLong(Long::longValue).toArray());
                        }
                    }
                }
            });
        }
        Set<String> seen = new HashSet<>();
        double total = 0;
        for (long[] refs : acceptedWays) {
            for (int i = 1; i < refs.length; i++) {
                double[] a = nodes.get(refs[i - 1]);
                double[] b = nodes.get(refs[i]);
                if (a == null || b == null || refs[i - 1] == refs[i]) {
                    continue;
                }
                String key = Math.min(refs[i - 1], refs[i]) + "-" + Math.max(refs[i - 1], refs[i]);
                if (seen.add(key)) {
                    total += haversine(a[0], a[1], b[0], b[1]);
                }
            }
        }
        return total;
    }

    private static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double h = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
    }
}
