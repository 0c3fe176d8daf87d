// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The JavaFX window: the only package that imports JavaFX and ControlsFX. A thin shell over
 * {@link dev.taw.pipeline.AnalysisPipeline}; long work runs on background tasks, the FX thread only
 * touches the scene graph.
 */
package dev.taw.ui;
