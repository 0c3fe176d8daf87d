// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.export;

/**
 * The host forest's judgement as the scored CSV carries it on every row: the score and label of the row's
 * source host.
 *
 * @param codes per row, the source address's code
 * @param score per code, the host score
 * @param label per code, -1 suspicious, 1 normal, 0 no score (the empty address)
 */
public record HostColumns(int[] codes, double[] score, byte[] label) {
    /** ",score,label" per code as UTF-8, laid end to end; a code without a label gets ",," (no score). */
    Cells cells() {
        Bytes b = new Bytes(score.length * 24);
        int[] at = new int[score.length + 1];
        int most = 0;
        for (int c = 0; c < score.length; c++) {
            String s = label[c] == 0 ? "" : ScoreText.of(score[c]), l = label[c] == 0 ? "" : label[c] < 0 ? "-1" : "1";
            b.reserve(2 + s.length() + l.length());
            b.put((byte) ',');
            b.putAscii(s);
            b.put((byte) ',');
            b.putAscii(l);
            at[c + 1] = b.n;
            most = Math.max(most, at[c + 1] - at[c]);
        }
        return new Cells(codes, b.a, at, most);
    }

    /** @param most the longest cells of one code */
    record Cells(int[] codes, byte[] bytes, int[] at, int most) { }
}
