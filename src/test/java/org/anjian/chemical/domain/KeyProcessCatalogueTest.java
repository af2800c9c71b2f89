package org.anjian.chemical.domain;

import java.util.List;
import org.anjian.chemical.internal.KeyProcessConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped catalogue of 重点监管危险化工工艺 is complete: 15 of 安监总管三〔2009〕116号 and 3 of 〔2013〕3号. */
class KeyProcessCatalogueTest {

    final KeyProcessCatalogue catalogue = KeyProcessConfig.load(KeyProcessConfig.KEY_PROCESSES);

    @Test
    void theShippedFileListsAllEighteenProcessesByTheirCatalogueNames() {
        assertThat(catalogue.processes()).extracting(KeyProcess::name).containsExactlyInAnyOrder(
                "光气及光气化工艺", "电解工艺（氯碱）", "氯化工艺", "硝化工艺", "合成氨工艺", "裂解（裂化）工艺", "氟化工艺", "加氢工艺",
                "重氮化工艺", "氧化工艺", "过氧化工艺", "胺基化工艺", "磺化工艺", "聚合工艺", "烷基化工艺",
                "新型煤化工工艺", "电石生产工艺", "偶氮化工艺");
        assertThat(catalogue.version()).isNotBlank();
        assertThat(catalogue.processes()).allSatisfy(p -> assertThat(p.keyUnits()).isNotBlank());
    }

    @Test
    void theFirstBatchHasFifteenAndTheSecondTheThreeOf2013() {
        assertThat(catalogue.processes().stream().filter(p -> p.batch() == 1)).hasSize(15);
        assertThat(catalogue.processes().stream().filter(p -> p.batch() == 2)).extracting(KeyProcess::name)
                .containsExactlyInAnyOrder("新型煤化工工艺", "电石生产工艺", "偶氮化工艺");
    }

    @Test
    void processesAreFoundByCodeAndCodesAreUnique() {
        assertThat(catalogue.process("NITRATION")).map(KeyProcess::name).contains("硝化工艺");
        assertThat(catalogue.process(" DIAZOTIZATION ")).map(KeyProcess::name).contains("重氮化工艺");
        assertThat(catalogue.process("DISTILLATION")).isEmpty();
        assertThat(catalogue.process(null)).isEmpty();
        assertThatThrownBy(() -> new KeyProcessCatalogue("x", "x", List.of(new KeyProcess("A", "甲", 1, "u"), new KeyProcess("A", "乙", 1, "u"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
