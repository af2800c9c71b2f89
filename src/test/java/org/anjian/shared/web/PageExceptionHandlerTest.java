package org.anjian.shared.web;

import java.util.Locale;
import org.anjian.shared.error.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The error page says why in words: from the bundle, else the rule's own Chinese sentence, never "??key??". */
class PageExceptionHandlerTest {

    final StaticMessageSource messages = new StaticMessageSource();
    final PageExceptionHandler handler = new PageExceptionHandler(messages);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aReasonInTheBundleIsShownInTheReadersLanguageWithItsArguments() {
        messages.addMessage("hazard.check.periodOver", Locale.SIMPLIFIED_CHINESE, "检查周期已于{0}结束");
        messages.addMessage("hazard.check.periodOver", Locale.ENGLISH, "The check period ended on {0}");
        DomainException ex = DomainException.conflict("hazard.check.periodOver", "the check period ended", "2026-12-06");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(handler.reasonText(ex)).isEqualTo("检查周期已于2026-12-06结束");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(handler.reasonText(ex)).isEqualTo("The check period ended on 2026-12-06");
    }

    @Test
    void aReasonWithoutBundleEntryShowsTheRulesChineseSentence() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        DomainException ex = new DomainException(HttpStatus.BAD_REQUEST, "monitoring.duty.day", "履职日期不能晚于今天，也不能早于一年前");
        assertThat(handler.reasonText(ex)).isEqualTo("履职日期不能晚于今天，也不能早于一年前").doesNotContain("??");
    }

    @Test
    void anEnglishDeveloperMessageIsNotShownToPeople() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        DomainException ex = DomainException.conflict("some.unlisted.reason", "the task is DONE");
        assertThat(handler.reasonText(ex)).isNull();
    }
}
