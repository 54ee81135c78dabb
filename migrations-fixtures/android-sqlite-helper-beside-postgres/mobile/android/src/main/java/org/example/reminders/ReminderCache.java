package org.example.reminders;

import android.content.Context;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import android.database.sqlite.SQLiteOpenHelper;

// The phone keeps the reminders it has shown in its own SQLite file, not in the server's database.
public class ReminderCache extends SQLiteOpenHelper {
    private static final String TABLE = "shown_reminders";

    ReminderCache(Context context) {
        super(context, "reminder-cache", null, 1);
    }

    @Override
    public void onCreate(SQLiteDatabase db) {
        db.execSQL("CREATE TABLE " + TABLE + " (id INTEGER PRIMARY KEY AUTOINCREMENT, reminder_id INTEGER, shown_at INTEGER)");
    }

    @Override
    public void onUpgrade(SQLiteDatabase db, int oldVersion, int newVersion) {
        db.execSQL("DROP TABLE IF EXISTS " + TABLE);
        onCreate(db);
    }

    boolean wasShown(long reminderId) {
        SQLiteDatabase db = getReadableDatabase();
        try (Cursor c = db.rawQuery("SELECT id FROM shown_reminders WHERE reminder_id = ?", new String[] {Long.toString(reminderId)})) {
            return c.moveToFirst();
        }
    }
}
