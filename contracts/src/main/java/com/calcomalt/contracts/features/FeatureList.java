package com.calcomalt.contracts.features;

import java.util.List;

public record FeatureList(List<FeatureView> features) {
}
