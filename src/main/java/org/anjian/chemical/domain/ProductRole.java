package org.anjian.chemical.domain;

/** What an enterprise does with a product: produces, stores, uses or sells it (one product may have several). */
public enum ProductRole {
    PRODUCED, STORED, USED, SOLD
}
