package dev.stagecraft.ui;

import dev.stagecraft.edit.TextSearch;
import dev.stagecraft.edit.TextSearch.Match;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.MultiChangeBuilder;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The editor's find and replace bar: a query with match case, whole word and regex toggles,
 * next / previous, an "N of M" count, replace and replace all. Matches are highlighted with a CSS
 * class laid over the syntax highlighting; the matching itself is {@link TextSearch}'s.
 *
 * <p>Its controls are made the first time it opens: most sessions never search, and the window
 * starts sooner without them.
 */
public final class FindReplaceBar extends VBox {
    static final String MATCH = "search-match";

    private final CodeArea editor;
    // The controls, made by build() when the bar first opens.
    private TextField query;
    private ToggleButton matchCase;
    private ToggleButton wholeWord;
    private ToggleButton regex;
    private Label count;
    private TextField replacement;
    private HBox replaceRow;
    private List<Match> matches = List.of();
    private boolean truncated;
    private String error;
    private boolean decorated;
    private Runnable onRestyled = () -> { };

    public FindReplaceBar(CodeArea editor) {
        this.editor = editor;
        setId("find-bar");
        getStyleClass().add("find-bar");
        managedProperty().bind(visibleProperty());
        setVisible(false);
        editor.plainTextChanges().subscribe(change -> {
            if (isVisible()) {
                recompute();
            }
        });
        editor.selectionProperty().addListener((obs, old, now) -> updateCount());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
    }

    private void build() {
        query = new TextField();
        matchCase = toggle("Aa", "find-match-case", "Match case");
        wholeWord = toggle("W", "find-whole-word", "Whole word");
        regex = toggle(".*", "find-regex", "Regular expression");
        count = new Label();
        replacement = new TextField();
        query.setId("find-field");
        query.setPromptText("Find");
        query.setPrefColumnCount(22);
        count.setId("find-count");
        count.getStyleClass().add("find-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        Button previous = Buttons.of("\u2191", "find-previous", "Previous match (Shift+Enter, Shift+F3)", this::findPrevious);
        Button next = Buttons.of("\u2193", "find-next", "Next match (Enter, F3)", this::findNext);
        Button close = Buttons.of("\u2715", "find-close", "Close (Escape)", this::close);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox findRow = new HBox(4, query, matchCase, wholeWord, regex, previous, next, count, spring, close);
        findRow.setAlignment(Pos.CENTER_LEFT);

        replacement.setId("replace-field");
        replacement.setPromptText("Replace");
        replacement.setPrefColumnCount(22);
        Button replaceOne = Buttons.of("Replace", "replace-one", "Replace this match and go to the next", this::replaceOne);
        Button replaceAll = Buttons.of("Replace all", "replace-all", "Replace every match (one undo)", this::replaceAll);
        replaceRow = new HBox(4, replacement, replaceOne, replaceAll);
        replaceRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(findRow, replaceRow);
        setSpacing(4);
        replaceRow.managedProperty().bind(replaceRow.visibleProperty());

        query.textProperty().addListener((obs, old, now) -> searchFromSelectionStart());
        for (ToggleButton option : List.of(matchCase, wholeWord, regex)) {
            option.selectedProperty().addListener((obs, old, now) -> searchFromSelectionStart());
        }
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    findPrevious();
                } else {
                    findNext();
                }
                e.consume();
            }
        });
        replacement.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                replaceOne();
                e.consume();
            }
        });
    }

    private static ToggleButton toggle(String text, String id, String tip) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        // In a narrow editor the query field gives up room, not the toggles' labels.
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** Ctrl+F / Ctrl+H open the bar, F3 / Shift+F3 step through the matches, wherever the focus is. */
    public void installShortcuts(Node root) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && !e.isAltDown() && e.getCode() == KeyCode.F) {
                openFind();
                e.consume();
            } else if (e.isShortcutDown() && !e.isAltDown() && e.getCode() == KeyCode.H) {
                openReplace();
                e.consume();
            } else if (e.getCode() == KeyCode.F3 && !e.isShortcutDown()) {
                if (!isVisible()) {
                    openFind();
                }
                if (e.isShiftDown()) {
                    findPrevious();
                } else {
                    findNext();
                }
                e.consume();
            }
        });
    }

    public void openFind() {
        open(false);
    }

    public void openReplace() {
        open(true);
    }

    private void open(boolean withReplace) {
        if (query == null) {
            build();
        }
        String selected = editor.getSelectedText();
        boolean wasVisible = isVisible();
        replaceRow.setVisible(withReplace);
        setVisible(true);
        if (!selected.isEmpty() && selected.indexOf('\n') < 0 && !selected.equals(query.getText())) {
            query.setText(selected);
        } else if (!wasVisible) {
            recompute();
            restyle();
        }
        query.requestFocus();
        query.selectAll();
    }

    /** Hides the bar, takes its highlights away and gives the keyboard back to the editor. */
    public void close() {
        setVisible(false);
        restyle();
        editor.requestFocus();
    }

    public void findNext() {
        if (matches.isEmpty()) {
            return;
        }
        int from = editor.getSelection().getEnd();
        for (Match m : matches) {
            if (m.start() >= from && !isSelected(m)) {
                select(m);
                return;
            }
        }
        select(matches.get(0));
    }

    public void findPrevious() {
        if (matches.isEmpty()) {
            return;
        }
        int before = editor.getSelection().getStart();
        for (int i = matches.size() - 1; i >= 0; i--) {
            if (matches.get(i).start() < before) {
                select(matches.get(i));
                return;
            }
        }
        select(matches.get(matches.size() - 1));
    }

    /** Replaces the selected match and moves to the next one; without a selected match, finds the next. */
    public void replaceOne() {
        if (query == null) {
            return;
        }
        int current = selectedIndex();
        if (current < 0) {
            findNext();
            return;
        }
        TextSearch.ReplacementPlan plan = TextSearch.replacements(editor.getText(), searchQuery(), replacement.getText());
        if (plan.error() != null) {
            showMessage(plan.error(), true);
            return;
        }
        TextSearch.Replacement r = plan.replacements().get(current);
        editor.replaceText(r.match().start(), r.match().end(), r.text());
        editor.moveTo(r.match().start() + r.text().length());
        findNext();
    }

    /** Replaces every match in one change, so one undo brings them all back. */
    public void replaceAll() {
        if (query == null) {
            return;
        }
        TextSearch.ReplacementPlan plan = TextSearch.replacements(editor.getText(), searchQuery(), replacement.getText());
        if (plan.error() != null) {
            showMessage(plan.error(), true);
            return;
        }
        List<TextSearch.Replacement> all = plan.replacements();
        if (all.isEmpty()) {
            return;
        }
        MultiChangeBuilder<Collection<String>, String, Collection<String>> change = editor.createMultiChange(all.size());
        // From the last match backwards, so each offset still means what it meant before any replacement.
        for (int i = all.size() - 1; i >= 0; i--) {
            TextSearch.Replacement r = all.get(i);
            change.replaceText(r.match().start(), r.match().end(), r.text());
        }
        change.commit();
        showMessage("Replaced " + all.size() + (all.size() == 1 ? " match" : " matches"), false);
    }

    /** The analysis's style spans with the current matches laid over them (unchanged when the bar is closed). */
    public StyleSpans<Collection<String>> decorate(StyleSpans<Collection<String>> base) {
        decorated = isVisible() && !matches.isEmpty();
        if (!decorated) {
            return base;
        }
        StyleSpansBuilder<Collection<String>> marks = new StyleSpansBuilder<>();
        int length = base.length();
        int pos = 0;
        for (Match m : matches) {
            if (m.end() > length) {
                break;
            }
            marks.add(List.of(), m.start() - pos);
            marks.add(List.of(MATCH), m.end() - m.start());
            pos = m.end();
        }
        marks.add(List.of(), length - pos);
        return base.overlay(marks.create(), (style, mark) -> {
            if (mark.isEmpty()) {
                return style;
            }
            List<String> both = new ArrayList<>(style);
            both.addAll(mark);
            return both;
        });
    }

    private void searchFromSelectionStart() {
        recompute();
        restyle();
        int from = editor.getSelection().getStart();
        for (Match m : matches) {
            if (m.start() >= from) {
                select(m);
                return;
            }
        }
        if (!matches.isEmpty()) {
            select(matches.get(0));
        }
    }

    private void recompute() {
        TextSearch.Result result = TextSearch.find(editor.getText(), searchQuery());
        matches = result.matches();
        truncated = result.truncated();
        error = result.error();
        updateCount();
    }

    /** Re-applies the match highlights to the spans on screen (between analyses: query typed, bar closed). */
    private void restyle() {
        int length = editor.getLength();
        if (length == 0 || !decorated && (!isVisible() || matches.isEmpty())) {
            return;
        }
        StyleSpans<Collection<String>> withoutMatches = editor.getStyleSpans(0, length).mapStyles(style -> {
            if (!style.contains(MATCH)) {
                return style;
            }
            List<String> rest = new ArrayList<>(style);
            rest.removeIf(MATCH::equals);
            return rest;
        });
        editor.setStyleSpans(0, decorate(withoutMatches));
        onRestyled.run();
    }

    /** Called after the bar restyled the editor by itself (a query typed, the bar closed). */
    void setOnRestyled(Runnable action) {
        onRestyled = action;
    }

    private TextSearch.Query searchQuery() {
        return new TextSearch.Query(query.getText(), matchCase.isSelected(), wholeWord.isSelected(), regex.isSelected());
    }

    private void select(Match m) {
        editor.selectRange(m.start(), m.end());
        editor.requestFollowCaret();
        updateCount();
    }

    private boolean isSelected(Match m) {
        return editor.getSelection().getStart() == m.start() && editor.getSelection().getEnd() == m.end();
    }

    private int selectedIndex() {
        for (int i = 0; i < matches.size(); i++) {
            if (isSelected(matches.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private void updateCount() {
        if (query == null) {
            return;
        }
        if (error != null) {
            showMessage(error, true);
        } else if (query.getText().isEmpty()) {
            showMessage("", false);
        } else if (matches.isEmpty()) {
            showMessage("No matches", false);
        } else {
            int index = selectedIndex();
            String total = matches.size() + (truncated ? "+" : "");
            showMessage(index < 0 ? total + (matches.size() == 1 ? " match" : " matches") : (index + 1) + " of " + total, false);
        }
    }

    private void showMessage(String message, boolean isError) {
        count.setText(message);
        count.getStyleClass().remove("find-error");
        if (isError) {
            count.getStyleClass().add("find-error");
        }
    }
}
