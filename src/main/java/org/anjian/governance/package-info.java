/**
 * 目标考核、五色图、八张问题清单、挂图作战与责任追究 (GOV-1 … GOV-4).
 */
@org.springframework.modulith.ApplicationModule(displayName = "governance")
package org.anjian.governance;
