package org.anjian.chemical.domain;

/**
 * One of the 18 重点监管危险化工工艺: its code, its name as the catalogue writes it, the batch that
 * listed it (1: 安监总管三〔2009〕116号, 2: 安监总管三〔2013〕3号) and its 重点监控单元.
 */
public record KeyProcess(String code, String name, int batch, String keyUnits) {
}
