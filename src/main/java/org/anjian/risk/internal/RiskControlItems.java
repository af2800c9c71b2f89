package org.anjian.risk.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.risk.RiskControls;
import org.anjian.risk.domain.ControlMeasure;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class RiskControlItems implements RiskControls {

    private final RiskRepository repository;

    RiskControlItems(RiskRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ControlItem> controlItems(UUID enterpriseId, String post) {
        Map<UUID, String> postNames = new HashMap<>();
        List<ControlItem> items = new ArrayList<>();
        List<RiskPointRecord> points = new ArrayList<>(repository.pointsOfEnterprise(enterpriseId));
        points.sort(Comparator.comparing(p -> p.assessment().level()));
        for (RiskPointRecord p : points) {
            if (post != null && !post.isBlank()) {
                String name = p.postId() == null ? null
                        : postNames.computeIfAbsent(p.postId(), id -> repository.findPost(id).map(PostRecord::name).orElse(""));
                if (!post.trim().equals(name)) {
                    continue;
                }
            }
            for (ControlMeasure m : Optional.ofNullable(p.controlMeasures()).orElse(List.of())) {
                items.add(new ControlItem(p.name(), p.assessment().level(), m.description()));
            }
        }
        return items;
    }
}
