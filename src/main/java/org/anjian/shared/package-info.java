/**
 * The shared kernel: ids, problem details, security principal and data scope, the audit trail's
 * port, and the infrastructure every module stands on (embedded database, scheduling). Small and
 * stable; every module may use it, it uses none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.anjian.shared;
