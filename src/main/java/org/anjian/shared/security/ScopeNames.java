package org.anjian.shared.security;

import java.util.Optional;

/**
 * Names a data scope for people ("双福街道", "重庆某某机械有限公司"). Each module that owns the
 * records a scope points at answers for its kind; the identity module asks all of them.
 */
public interface ScopeNames {

    Optional<String> name(DataScope scope);
}
