package org.anjian.standardization.domain;

/**
 * Who grades: 83号 says 一级 the Ministry, 二级 the province, 三级 the city; provinces may adjust, and
 * in the seed (江津) the city reviews 二级 and the district 三级. Which level reviews which grade is data.
 */
public enum ReviewingLevel {
    MINISTRY, PROVINCE, CITY, DISTRICT
}
