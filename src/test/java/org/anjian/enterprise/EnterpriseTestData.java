package org.anjian.enterprise;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.UUID;
import org.anjian.enterprise.domain.CreditCode;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

/** Signed-in users of each kind and fresh valid credit codes for the enterprise tests. */
public final class EnterpriseTestData {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EnterpriseTestData() {
    }

    /** A valid Jiangjin code (division 500116) no other test will have used. */
    public static String newCreditCode() {
        StringBuilder sb = new StringBuilder("91500116");
        for (int i = 0; i < 9; i++) {
            sb.append(CreditCode.ALPHABET.charAt(RANDOM.nextInt(CreditCode.ALPHABET.length())));
        }
        return CreditCode.complete(sb.toString());
    }

    /** The same code with a check character that is certainly wrong. */
    public static String withWrongCheckDigit(String code) {
        char right = code.charAt(17);
        char wrong = CreditCode.ALPHABET.charAt((CreditCode.ALPHABET.indexOf(right) + 1) % CreditCode.ALPHABET.length());
        return code.substring(0, 17) + wrong;
    }

    public static AnjianUser user(Role role, DataScope scope) {
        return new AnjianUser(UUID.randomUUID(), role.name().toLowerCase() + "-" + RANDOM.nextInt(10000), role.name(),
                EnumSet.of(role), scope, null, true, false);
    }

    public static RequestPostProcessor as(AnjianUser user) {
        Authentication auth = new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
        return SecurityMockMvcRequestPostProcessors.authentication(auth);
    }

    public static RequestPostProcessor admin() {
        return as(user(Role.DISTRICT_ADMIN, DataScope.DISTRICT));
    }

    public static RequestPostProcessor townOfficial(UUID townId) {
        return as(user(Role.TOWN_OFFICIAL, new DataScope(ScopeKind.REGION, townId)));
    }

    public static RequestPostProcessor enterpriseUser(UUID enterpriseId) {
        return as(user(Role.ENTERPRISE_USER, new DataScope(ScopeKind.ENTERPRISE, enterpriseId)));
    }

    public static RequestPostProcessor auditor() {
        return as(user(Role.AUDITOR, DataScope.DISTRICT));
    }
}
