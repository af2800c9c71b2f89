package org.anjian.chemical.domain;

/** The nine GHS hazard pictograms of GB 30000 / GB 15258-2009, by their code. */
public enum GhsPictogram {
    GHS01("爆炸物"), GHS02("火焰"), GHS03("圆圈上方火焰"), GHS04("气瓶"), GHS05("腐蚀"), GHS06("骷髅和交叉骨"),
    GHS07("感叹号"), GHS08("健康危害"), GHS09("环境");

    private final String symbol;

    GhsPictogram(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol's Chinese name, as GB 15258 calls it. */
    public String symbol() {
        return symbol;
    }
}
