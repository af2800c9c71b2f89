/**
 * Risk control (风险分级管控, DP-1): risk units and points, their assessment by LEC or the LS risk
 * matrix, the four-colour grading and the control measures. This first part holds the assessment
 * methods and their calculators; risk points, the four-colour map and 两单两卡 follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk control", allowedDependencies = "shared")
package org.anjian.risk;
