package org.anjian.chemical.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of key supervised hazardous chemical processes (重点监管危险化工工艺) as data, from a
 * versioned file: a revision of the catalogue is a new file. Codes and names are unique.
 */
public record KeyProcessCatalogue(String version, String source, List<KeyProcess> processes) {

    public KeyProcessCatalogue {
        processes = List.copyOf(processes);
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (KeyProcess p : processes) {
            if (p.code() == null || p.name() == null || !codes.add(p.code()) || !names.add(p.name())) {
                throw new IllegalArgumentException("duplicate or empty key process " + p);
            }
            if (p.batch() != 1 && p.batch() != 2) {
                throw new IllegalArgumentException("batch 1 or 2: " + p);
            }
        }
    }

    public Optional<KeyProcess> process(String code) {
        return code == null ? Optional.empty() : processes.stream().filter(p -> p.code().equals(code.strip())).findFirst();
    }
}
