package org.anjian.chemical.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.chemical.domain.GhsPictogram;
import org.anjian.chemical.internal.ChemicalCatalogue.Chemical;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safety-label facts of each catalogue chemical (GB 15258-2009 §4 label elements): signal word,
 * GHS pictograms, hazard and precautionary statements, first aid, fire fighting and leak handling.
 * The district keeps them beside the catalogue; every business role reads them; the public label
 * page of every product of the chemical shows them.
 */
@Service
public class ChemicalLabels {

    static final int TEXT_MAX = 2000;

    private final LabelRepository repository;
    private final ChemicalCatalogue catalogue;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    ChemicalLabels(LabelRepository repository, ChemicalCatalogue catalogue, AuditTrail audit, java.time.Clock clock) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    public record Label(String signalWord, List<String> pictograms, String hazardStatements, String precautions, String firstAid,
                        String fireFighting, String leakHandling) {
        static final Label EMPTY = new Label(null, List.of(), null, null, null, null, null);
    }

    /** Business roles read the catalogue and its labels; the system and security administrators do not. */
    public void requireReader(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN) && user.hasAnyRole(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.forbidden", "business roles read the chemical catalogue");
        }
    }

    public Label get(AnjianUser user, UUID chemicalId) {
        catalogue.get(user, chemicalId);
        return repository.find(chemicalId).orElse(Label.EMPTY);
    }

    @Transactional
    public Label put(AnjianUser user, UUID chemicalId, Label in) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.forbidden", "only the district keeps the chemical catalogue");
        }
        Chemical chemical = catalogue.get(user, chemicalId);
        Label clean = validate(in);
        Label before = repository.find(chemicalId).orElse(null);
        repository.upsert(chemicalId, clean, clock.instant());
        audit.record("CHEMICAL_LABEL_UPDATED", "chemical", chemical.id(), before, clean);
        return clean;
    }

    /** The public page's read: no user, the chemical known to exist. */
    Label of(UUID chemicalId) {
        return repository.find(chemicalId).orElse(Label.EMPTY);
    }

    /** The import's and the demo's write: validated as any other, audited by the caller. */
    void store(UUID chemicalId, Label label) {
        repository.upsert(chemicalId, validate(label), clock.instant());
    }

    static Label validate(Label in) {
        if (in == null) {
            return Label.EMPTY;
        }
        List<FieldError> errors = new ArrayList<>();
        String signal = blank(in.signalWord()) ? null : in.signalWord().strip();
        if (signal != null && !signal.equals("危险") && !signal.equals("警告")) {
            errors.add(new FieldError("signalWord", "chemical.label.signalWord", "信号词为“危险”或“警告”"));
        }
        List<String> pictograms = new ArrayList<>();
        for (String p : in.pictograms() == null ? List.<String>of() : in.pictograms()) {
            String code = p == null ? "" : p.strip().toUpperCase(java.util.Locale.ROOT);
            try {
                GhsPictogram.valueOf(code);
                if (!pictograms.contains(code)) {
                    pictograms.add(code);
                }
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("pictograms", "chemical.label.pictogram", "象形图代码为 GHS01 至 GHS09"));
                break;
            }
        }
        String[] texts = {in.hazardStatements(), in.precautions(), in.firstAid(), in.fireFighting(), in.leakHandling()};
        String[] fields = {"hazardStatements", "precautions", "firstAid", "fireFighting", "leakHandling"};
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null && texts[i].strip().length() > TEXT_MAX) {
                errors.add(new FieldError(fields[i], "chemical.label.text", "每项2000字以内"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new Label(signal, List.copyOf(pictograms), strip(in.hazardStatements()), strip(in.precautions()), strip(in.firstAid()),
                strip(in.fireFighting()), strip(in.leakHandling()));
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
