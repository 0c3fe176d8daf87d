// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.ui;

import dev.taw.ui.common.Dialogs;
import dev.taw.ui.common.UserSettings;
import dev.taw.ui.export.ExportActions;
import dev.taw.ui.settings.SettingsController;
import dev.taw.ui.shell.MainWindowController;
import dev.taw.ui.shell.WorkbenchViewModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application and composition root: builds the view-model, dialogs and controller by hand
 * and shows the window. A file named on the command line (or by the file manager) is opened at start.
 */
public final class WorkbenchApp extends Application {
    public static final String TITLE = "Traffic Anomaly Workbench";

    /** JavaFX's own logger; held so the filter below is not collected with it. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    public static void main(String[] args) {
        // JavaFX warns on every start that it was loaded from the class path ("Unsupported JavaFX configuration"):
        // that is how the jar and the packaged app run it, deliberately (see Launcher), so the warning says nothing
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        Loaded w = load(new Dialogs.Native(), new UserSettings());
        stage.setTitle(TITLE);
        stage.setScene(w.scene());
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        // a comfortable size on a laptop, larger on a big screen, never bigger than the screen
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(screen.getWidth(), Math.max(1280, screen.getWidth() * 0.85)));
        stage.setHeight(Math.min(screen.getHeight(), Math.max(800, screen.getHeight() * 0.85)));
        stage.centerOnScreen();
        stage.show();
        List<String> args = getParameters().getUnnamed();
        if (!args.isEmpty()) w.controller().open(Path.of(args.get(0)));
    }

    /** The loaded window, for the app and for tests. */
    public record Loaded(Scene scene, Parent root, MainWindowController controller, WorkbenchViewModel viewModel) { }

    public static Loaded load(Dialogs dialogs, UserSettings settings) throws IOException {
        WorkbenchViewModel vm = new WorkbenchViewModel();
        MainWindowController controller = new MainWindowController(vm, dialogs, settings, WorkbenchApp::sampleFile, new ExportActions(dialogs));
        SettingsController settingsPane = new SettingsController(new SettingsController.Wiring(vm.settingsModel(), vm::run, vm::cancel,
                vm.busyProperty(), vm.importedProperty().isNull(), vm.needsRunProperty(), vm.statusProperty()::set, vm.baselineProperty().isNotNull()));
        FXMLLoader loader = new FXMLLoader(WorkbenchApp.class.getResource("shell/MainWindow.fxml"));
        loader.setControllerFactory(type -> {
            if (type == MainWindowController.class) return controller;
            if (type == SettingsController.class) return settingsPane;
            throw new IllegalArgumentException("no controller for " + type);
        });
        Parent root = loader.load();
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("theme/workbench.css").toExternalForm());
        return new Loaded(scene, root, controller, vm);
    }

    /** The bundled sample, copied out of the jar once so it can be opened like any file. */
    static Path sampleFile() {
        try (InputStream in = WorkbenchApp.class.getResourceAsStream("/dev/taw/sample/web-traffic-sample.csv")) {
            if (in == null) throw new IllegalStateException("the sample data is missing from this build");
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "traffic-workbench"));
            Path out = dir.resolve("web-traffic-sample.csv");
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
