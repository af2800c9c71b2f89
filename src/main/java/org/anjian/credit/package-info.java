/**
 * Credit records (CRD-1): blacklist and bad-record entries for units and persons with their cause,
 * deciding authority, decision date and term (3 years by default), publication to 信用重庆 through a
 * public page and a JSON/CSV feed, credit repair and early removal after 12 months. Proposals come
 * from accidents ({@link org.anjian.accident.AccidentRecorded}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit records", allowedDependencies = {"shared", "accident", "enterprise", "organization"})
package org.anjian.credit;
