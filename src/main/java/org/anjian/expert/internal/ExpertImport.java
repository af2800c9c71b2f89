package org.anjian.expert.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the pool from Excel (the district's existing 专家库 list): every good row is added, every
 * bad row is reported with its row number, column and reason, and nothing of a bad row is stored.
 */
@Service
public class ExpertImport {

    private final ExpertService experts;
    private final ExpertRepository repository;
    private final ExpertExcel excel;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ExpertImport(ExpertService experts, ExpertRepository repository, ExpertExcel excel, AuditTrail audit, MessageSource messages, java.time.Clock clock) {
        this.experts = experts;
        this.repository = repository;
        this.excel = excel;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    public record RowError(int row, String name, String field, String message) {
    }

    public record Result(int rows, int imported, List<RowError> errors) {
    }

    @Transactional
    public Result importPool(AnjianUser user, InputStream in) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "expert.forbidden.district", "the district keeps the expert pool");
        }
        List<org.anjian.shared.excel.SheetRows.RawRow> rows;
        try {
            rows = excel.read(in);
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("file", "expert.import.unreadable", "not an .xlsx file");
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<RowError> errors = new ArrayList<>();
        int imported = 0;
        for (org.anjian.shared.excel.SheetRows.RawRow row : rows) {
            ExpertExcel.Parsed parsed = excel.parse(row);
            if (parsed.error() != null) {
                errors.add(new RowError(row.rowNumber(), row.get(0), parsed.field(), messages.getMessage(parsed.error(), null, parsed.error(), locale)));
                continue;
            }
            try {
                Expert e = experts.validate(parsed.form(), java.util.UUID.randomUUID(), 0);
                repository.insert(e, clock.instant());
                imported++;
            } catch (DomainException invalid) {
                DomainException.FieldError first = invalid.fieldErrors().isEmpty() ? null : invalid.fieldErrors().get(0);
                errors.add(new RowError(row.rowNumber(), row.get(0), first == null ? null : first.field(),
                        messages.getMessage(first == null ? invalid.reason() : first.code(), null, invalid.getMessage(), locale)));
            }
        }
        audit.record("EXPERTS_IMPORTED", "expert", "import", null, Map.of("rows", rows.size(), "imported", imported, "errors", errors.size()));
        return new Result(rows.size(), imported, errors);
    }
}
