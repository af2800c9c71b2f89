/**
 * Risk control (风险分级管控, DP-1): risk points per enterprise (places, posts, activities), their
 * hazardous factors, assessment by LEC or the LS risk matrix (the level is always computed, never
 * typed in), control measures by type and the responsible level; the four-colour maps of an
 * enterprise and of the district; and per post the 两单两卡 with a printable, QR-coded PDF.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk control", allowedDependencies = {"shared", "enterprise", "organization"})
package org.anjian.risk;
